package io.nqpf.advisor.api;

import io.nqpf.advisor.profile.Text;
import jakarta.ws.rs.WebApplicationException;

/** An HTTP error whose detail is a text of the {@code messages/problems} bundle, rendered in the request's language. */
class TextedWebException extends WebApplicationException {

    private final transient Text text;

    TextedWebException(int status, Text text) {
        super(text.toString(), status);
        this.text = text;
    }

    Text text() {
        return text;
    }
}
