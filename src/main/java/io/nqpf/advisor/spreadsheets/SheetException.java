package io.nqpf.advisor.spreadsheets;

import io.nqpf.advisor.profile.InvalidProfileException;
import io.nqpf.advisor.profile.Text;
import io.nqpf.advisor.profile.Violation;
import io.nqpf.advisor.service.PayloadTooLargeException;
import java.util.List;

/** The refusals of a whole file, as the problems the API answers them with. */
final class SheetException {

    static final String TITLE = "title.invalid-sheet";

    private SheetException() {
    }

    /** A file that is not a sheet the service reads (400), with what is wrong and where. */
    static InvalidProfileException invalid(String cell, String key, Object... args) {
        return new InvalidProfileException(TITLE, List.of(Violation.of("", key, args).inCell(cell)));
    }

    static InvalidProfileException invalid(List<Violation> violations) {
        return new InvalidProfileException(TITLE, violations);
    }

    /** A file that expands past what the service reads (413): a zip bomb, too many rows, a huge text table. */
    static PayloadTooLargeException tooLarge(String key, Object... args) {
        return new PayloadTooLargeException(Text.of(key, args));
    }
}
