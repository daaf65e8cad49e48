package io.nqpf.advisor.knowledge;

/** A defect found while reading the catalog or thresholds: where it is and what is wrong. */
public record CatalogProblem(String file, int line, int column, String message) {
}
