package io.nqpf.advisor.profile;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a batch body, {@code {"profiles": [ … ]}}, one profile at a time: the body is scanned as a stream, and
 * only one profile is ever held as a JSON tree, bound to a record and dropped, so a 16 MiB body of tiny values
 * costs about its own size in memory, not the tens of times more a whole tree would. A profile larger than the
 * limit for one profile fails only itself, unread.
 */
public final class BatchReader {

    /** One profile of the batch: read and valid, or the problem that kept it from being either. */
    public record Item(int index, String regionId, RegionProfile profile, InvalidProfileException problem) {
    }

    /** More profiles than allowed; no profile was evaluated. */
    public static class TooManyProfilesException extends RuntimeException {
        private final int count;
        private final int max;

        public TooManyProfilesException(int count, int max) {
            super(Text.of("batch.too-many", count, max).toString());
            this.count = count;
            this.max = max;
        }

        public Text text() {
            return Text.of("batch.too-many", count, max);
        }
    }

    private static final String SHAPE = "batch.shape";

    private final ProfileReader reader;
    private final int maxProfiles;
    private final long maxProfileBytes;

    public BatchReader(ProfileReader reader, int maxProfiles, long maxProfileBytes) {
        this.reader = reader;
        this.maxProfiles = maxProfiles;
        this.maxProfileBytes = maxProfileBytes;
    }

    public List<Item> read(byte[] body) {
        TextCheck.requireUtf8(body);
        List<Violation> shape = new ArrayList<>();
        List<Item> items = null;
        try (JsonParser parser = ProfileReader.mapper().getFactory().createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new InvalidProfileException(ProfileReader.MALFORMED,
                        List.of(Violation.of("", "body.empty")));
            }
            if (first != JsonToken.START_OBJECT) {
                parser.skipChildren();
                shape.add(Violation.of("", SHAPE));
            } else {
                int unknown = 0;
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if (!name.equals("profiles")) {
                        if (unknown++ < Violation.MAX_LISTED) {
                            shape.add(Violation.of(name, "batch.unknown-field"));
                        }
                        parser.skipChildren();
                    } else if (value != JsonToken.START_ARRAY) {
                        shape.add(Violation.of("profiles", "batch.profiles-array"));
                        parser.skipChildren();
                    } else {
                        items = profiles(parser, body);
                    }
                }
                if (unknown > Violation.MAX_LISTED) {
                    shape.add(Violation.of("", "field.unknown.more", unknown - Violation.MAX_LISTED));
                }
                if (items == null && shape.stream().noneMatch(v -> v.field().equals("profiles"))) {
                    shape.add(Violation.of("profiles", "batch.profiles-array"));
                }
            }
            if (parser.nextToken() != null) {
                throw new InvalidProfileException(ProfileReader.MALFORMED, List.of(Violation.of("",
                        "batch.trailing", parser.currentTokenLocation().getByteOffset())));
            }
        } catch (JsonProcessingException e) {
            throw ProfileReader.translate(e);
        } catch (IOException e) {
            throw new InvalidProfileException(ProfileReader.MALFORMED, List.of(Violation.of("", "body.unreadable", e.getMessage())));
        }
        if (!shape.isEmpty()) {
            throw new InvalidProfileException("title.invalid-batch", shape);
        }
        return items;
    }

    /** Reads the array the parser stands at; counts on past the limit so that the answer says how many there were. */
    private List<Item> profiles(JsonParser parser, byte[] body) throws IOException {
        List<Item> items = new ArrayList<>();
        int count = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            long start = parser.currentTokenLocation().getByteOffset();
            parser.skipChildren();
            long end = parser.currentLocation().getByteOffset();
            if (count < maxProfiles) {
                items.add(end - start > maxProfileBytes
                        ? new Item(count, null, null, new InvalidProfileException(ProfileReader.INVALID, List.of(Violation.of("",
                                "batch.profile-too-large", end - start, maxProfileBytes))))
                        : one(count, ProfileReader.mapper().readTree(body, (int) start, (int) (end - start))));
            }
            count++;
        }
        if (count > maxProfiles) {
            throw new TooManyProfilesException(count, maxProfiles);
        }
        return items;
    }

    private Item one(int index, JsonNode node) {
        JsonNode id = node.isObject() ? node.get("regionId") : null;
        String regionId = id != null && id.isTextual() ? id.asText() : null;
        try {
            return new Item(index, regionId, reader.read(node, RegionProfile.class), null);
        } catch (InvalidProfileException e) {
            return new Item(index, regionId, null, e);
        }
    }
}
