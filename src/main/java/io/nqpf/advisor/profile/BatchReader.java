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
        public TooManyProfilesException(int count, int max) {
            super("The batch has " + count + " profiles; the limit is " + max + " profiles per request");
        }
    }

    private static final String SHAPE = "must be an object with a profiles array";

    private final ProfileReader reader;
    private final int maxProfiles;
    private final long maxProfileBytes;

    public BatchReader(ProfileReader reader, int maxProfiles, long maxProfileBytes) {
        this.reader = reader;
        this.maxProfiles = maxProfiles;
        this.maxProfileBytes = maxProfileBytes;
    }

    public List<Item> read(byte[] body) {
        List<Violation> shape = new ArrayList<>();
        List<Item> items = null;
        try (JsonParser parser = ProfileReader.mapper().getFactory().createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new InvalidProfileException(ProfileReader.MALFORMED,
                        List.of(new Violation("", "the request body is empty")));
            }
            if (first != JsonToken.START_OBJECT) {
                parser.skipChildren();
                shape.add(new Violation("", SHAPE));
            } else {
                int unknown = 0;
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if (!name.equals("profiles")) {
                        if (unknown++ < Violation.MAX_LISTED) {
                            shape.add(new Violation(name, "unknown field; only profiles is accepted"));
                        }
                        parser.skipChildren();
                    } else if (value != JsonToken.START_ARRAY) {
                        shape.add(new Violation("profiles", "must be an array of region profiles"));
                        parser.skipChildren();
                    } else {
                        items = profiles(parser, body);
                    }
                }
                if (unknown > Violation.MAX_LISTED) {
                    shape.add(new Violation("", (unknown - Violation.MAX_LISTED) + " more unknown fields not listed"));
                }
                if (items == null && shape.stream().noneMatch(v -> v.field().equals("profiles"))) {
                    shape.add(new Violation("profiles", "must be an array of region profiles"));
                }
            }
            if (parser.nextToken() != null) {
                throw new InvalidProfileException(ProfileReader.MALFORMED, List.of(new Violation("",
                        "unexpected content after the batch object at byte " + parser.currentTokenLocation().getByteOffset())));
            }
        } catch (JsonProcessingException e) {
            throw ProfileReader.translate(e);
        } catch (IOException e) {
            throw new InvalidProfileException(ProfileReader.MALFORMED, List.of(new Violation("", e.getMessage())));
        }
        if (!shape.isEmpty()) {
            throw new InvalidProfileException("Invalid batch request", shape);
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
                        ? new Item(count, null, null, new InvalidProfileException(ProfileReader.INVALID, List.of(new Violation("",
                                "the profile has " + (end - start) + " bytes; the limit for one profile is " + maxProfileBytes))))
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
