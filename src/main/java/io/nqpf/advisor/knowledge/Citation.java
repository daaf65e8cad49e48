package io.nqpf.advisor.knowledge;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A passage of a source document. quote is a verbatim substring of the document file.")
public record Citation(
        @Schema(description = "Source document file name", example = "002_7e91f5c9a91c3b3b.txt") String document,
        @Schema(description = "Heading as numbered in the document", example = "四、(二)") String section,
        @Schema(description = "Verbatim phrase from that passage") String quote) {
}
