package cn.gov.sd.pilotzone.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Reads the hub's data files (bureaus, policies, zone plans, demo data) from {@code ${hub.config-dir}}.
 * A broken file stops start-up with the file, the line and the problem, because running on half a catalog
 * would be worse than not running.
 */
@Component
public class ConfigFiles {

    private final Path dir;
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public ConfigFiles(@Value("${hub.config-dir}") String dir) {
        this.dir = Path.of(dir);
    }

    public Path dir() {
        return dir;
    }

    public <T> T read(String name, Class<T> type) {
        return read(dir.resolve(name), type);
    }

    public <T> T read(Path file, Class<T> type) {
        try {
            return yaml.readValue(Files.readString(file), type);
        } catch (JsonMappingException e) {
            JsonLocation at = e.getLocation();
            // records are built after their whole mapping is read, so the line may be the entry's end: the path
            // (e.g. policies[3].validUntil) says which entry and property
            String path = e.getPath().stream()
                    .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining()).replaceFirst("^\\.", "");
            throw new InvalidConfigException(file, at == null ? 0 : at.getLineNr(),
                    (path.isEmpty() ? "" : path + ": ") + e.getOriginalMessage());
        } catch (NoSuchFileException e) {
            // the usual cause: the jar started in another folder than the one holding config/, routes/ and bpmn/
            throw new InvalidConfigException(file, 0, "no such file: the hub reads config/, routes/ and bpmn/ in "
                    + "hub.home (the working directory unless given); start it there or give --hub.home=<folder>");
        } catch (IOException e) {
            throw new InvalidConfigException(file, 0, e.getMessage());
        }
    }

    /** A data file in config/ that the hub cannot run with. */
    public static class InvalidConfigException extends RuntimeException {
        public InvalidConfigException(Path file, int line, String problem) {
            super(file + (line > 0 ? ":" + line : "") + ": " + problem);
        }
    }
}
