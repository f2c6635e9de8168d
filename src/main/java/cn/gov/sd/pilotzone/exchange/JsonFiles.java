package cn.gov.sd.pilotzone.exchange;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.gov.sd.pilotzone.common.InvalidInputException;
import cn.gov.sd.pilotzone.common.JsonProblems;
import cn.gov.sd.pilotzone.common.Problem;

/**
 * Reads an inbound JSON (or, through an XML mapper, XML) document into a tree, every failure a specific reason:
 * empty, not UTF-8 (JSON only: RFC 8259 requires it between systems, and a GBK file would otherwise be misread),
 * beyond Jackson's limits (nesting depth, number or string length), a key given twice, or malformed near a line.
 */
public final class JsonFiles {

    private JsonFiles() {
    }

    /** @param utf8 whether the document must be UTF-8 (JSON); XML declares its own encoding */
    public static JsonNode read(ObjectMapper mapper, byte[] content, boolean utf8) {
        if (content.length == 0) {
            throw new InvalidInputException(Problem.of(null, "file.empty"));
        }
        if (utf8) {
            requireUtf8(content);
        }
        try (JsonParser parser = mapper.getFactory().createParser(content)) {
            // a key twice is refused, whichever mapper reads (docs/money-rules.md); XML trees turn repeated
            // elements into arrays, which the readers' type checks refuse where one value is expected
            parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            JsonNode node = mapper.readTree(parser);
            if (node == null || node.isMissingNode()) {
                throw new InvalidInputException(Problem.of(null, "file.empty"));
            }
            return node;
        } catch (JsonParseException | StreamConstraintsException e) {
            JsonProblems.of(e).ifPresent(p -> {
                throw new InvalidInputException(p);
            });
            throw new InvalidInputException(Problem.of(null, "syntax.malformed",
                    e.getLocation() == null ? 0 : e.getLocation().getLineNr(), e.getOriginalMessage()));
        } catch (IOException e) {
            throw new InvalidInputException(Problem.of(null, "syntax.malformed", 0, e.getMessage()));
        }
    }

    static void requireUtf8(byte[] content) {
        if (TableReader.utf16(content)) {
            throw new InvalidInputException(Problem.of(null, "json.encoding", "UTF-16/UTF-32"));
        }
        int skip = content.length >= 3 && (content[0] & 0xff) == 0xEF && (content[1] & 0xff) == 0xBB
                && (content[2] & 0xff) == 0xBF ? 3 : 0;
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content, skip, content.length - skip));
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(Problem.of(null, "json.encoding", "not UTF-8 (GBK?)"));
        }
        for (int i = skip; i < Math.min(content.length, 8192); i++) {
            if (content[i] == 0) {
                throw new InvalidInputException(Problem.of(null, "file.binary"));
            }
        }
    }
}
