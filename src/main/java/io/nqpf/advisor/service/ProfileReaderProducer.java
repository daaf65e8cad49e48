package io.nqpf.advisor.service;

import io.nqpf.advisor.profile.ProfileReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.validation.Validator;

/** Makes the strict profile reader injectable with the container's validator. */
public class ProfileReaderProducer {

    @Produces
    @ApplicationScoped
    ProfileReader profileReader(Validator validator) {
        return new ProfileReader(validator);
    }
}
