package io.nqpf.advisor.report;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a report's {@code String} that comes from the catalog (a title, description, summary, label, reference or
 * factor): it is written from the JSON made once per ruleset ({@link CatalogString}), as the same bytes. The field
 * stays a string for readers of the record and in the OpenAPI document.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@JacksonAnnotationsInside
@JsonSerialize(using = CatalogString.class)
@interface CatalogText {
}
