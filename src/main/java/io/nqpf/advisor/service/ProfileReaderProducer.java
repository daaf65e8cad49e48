package io.nqpf.advisor.service;

import io.nqpf.advisor.profile.ProfileReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.validation.ValidatorFactory;

/** Makes the strict profile reader injectable with a validator of the container's factory. */
public class ProfileReaderProducer {

    @Produces
    @ApplicationScoped
    ProfileReader profileReader(ValidatorFactory validators) {
        return new ProfileReader(ProfileReader.validator(validators));
    }
}
