package io.nqpf.advisor.profile;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The three industry shares of GDP, when all three are given, must add up to 100 ± 2 (rounding in yearbooks). */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = SharesSumTo100.Validator.class)
public @interface SharesSumTo100 {
    double TOLERANCE = 2.0;

    String message() default "primarySharePct + secondarySharePct + tertiarySharePct must be 100 ± 2 when all three are given";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<SharesSumTo100, Economy> {
        /** The sum of the three shares, all of which must be given. */
        static double sum(Economy e) {
            return e.primarySharePct() + e.secondarySharePct() + e.tertiarySharePct();
        }


        @Override
        public boolean isValid(Economy e, ConstraintValidatorContext context) {
            if (e == null || e.primarySharePct() == null || e.secondarySharePct() == null || e.tertiarySharePct() == null) {
                return true;
            }
            double sum = sum(e);
            if (Math.abs(sum - 100.0) <= TOLERANCE) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(
                    "primarySharePct + secondarySharePct + tertiarySharePct is " + Math.round(sum * 100) / 100.0
                            + ", must be 100 ± 2")
                    .addConstraintViolation();
            return false;
        }
    }
}
