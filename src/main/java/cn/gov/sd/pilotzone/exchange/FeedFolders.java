package cn.gov.sd.pilotzone.exchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import cn.gov.sd.pilotzone.audit.AuditTrail;
import cn.gov.sd.pilotzone.audit.AuditType;
import cn.gov.sd.pilotzone.common.InvalidInputException;
import cn.gov.sd.pilotzone.common.Problem;
import cn.gov.sd.pilotzone.exchange.ExchangeStatus.ErrorFile;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The exchange folders as feed health sees them (docs/exchange.md), behind {@link ExchangeStatus}: files waiting in
 * {@code inbox/<feed>/}, the rejected ones in {@code error/<feed>/} with their {@code .error.txt}, and putting a fixed
 * file back into the inbox. Names and folders are {@link ExchangeLayout}'s.
 */
@Component
class FeedFolders {

    private static final Logger log = LoggerFactory.getLogger(FeedFolders.class);

    private static final String REPORT_SUFFIX = ExchangeLayout.REPORT_SUFFIX;
    private static final int MAX_REASON = 4000;
    private static final int MAX_LISTED = 200;

    private final ExchangeLayout layout;
    private final Clock clock;
    private final AuditTrail audit;

    FeedFolders(ExchangeLayout layout, Clock clock, AuditTrail audit) {
        this.layout = layout;
        this.clock = clock;
        this.audit = audit;
    }

    /** Feed folders present under {@code inbox/} (a feed may have files before its route exists). */
    List<String> inboxFeeds() {
        Path inbox = layout.dataDir().resolve(ExchangeLayout.INBOX);
        if (!Files.isDirectory(inbox)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(inbox)) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(ExchangeLayout::isFeedName).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Files waiting in the inbox, counted as the route would take them. */
    long waiting(String feed) {
        return files(folder(ExchangeLayout.INBOX, feed)).stream()
                .filter(p -> !layout.ignored(p.getFileName().toString())).count();
    }

    /**
     * The rejected files, newest first, with their reasons. A report without its file is the skipped-rows report
     * of a file that was accepted (and archived): listed too, but there is nothing to re-process.
     */
    List<ErrorFile> errors(String feed) {
        Path dir = folder(ExchangeLayout.ERROR, feed);
        List<ErrorFile> errors = new ArrayList<>();
        for (Path p : files(dir)) {
            String name = p.getFileName().toString();
            boolean report = name.endsWith(REPORT_SUFFIX);
            String dataName = report ? name.substring(0, name.length() - REPORT_SUFFIX.length()) : name;
            if (report && Files.exists(dir.resolve(dataName))) {
                continue; // listed with its file
            }
            Path reportFile = report ? p : dir.resolve(name + REPORT_SUFFIX);
            errors.add(new ErrorFile(dataName, originalName(dataName), report ? 0 : size(p), modified(p),
                    reason(reportFile), !report));
        }
        errors.sort(Comparator.comparing(ErrorFile::modified, Comparator.nullsLast(Comparator.reverseOrder())));
        return errors.size() > MAX_LISTED ? errors.subList(0, MAX_LISTED) : errors;
    }

    long errorCount(String feed) {
        return files(folder(ExchangeLayout.ERROR, feed)).stream().filter(p -> !p.getFileName().toString().endsWith(REPORT_SUFFIX))
                .count();
    }

    /**
     * Puts a rejected file, fixed in place, back into its inbox under the name it came with; its report goes. The
     * modification time is set to now: the route's idempotent key is name, size and modification time, so the
     * file is taken again even if the fix kept its size. The move is a rename on one file system, so the route
     * never sees half a file.
     *
     * @return the name the file has in the inbox
     */
    String reprocess(String feed, String storedName, String actor) {
        Path errorDir = folder(ExchangeLayout.ERROR, feed);
        if (storedName == null || storedName.isBlank() || storedName.contains("/") || storedName.contains("\\")
                || storedName.startsWith(".") || storedName.endsWith(REPORT_SUFFIX)) {
            throw new InvalidInputException(Problem.of("file", "reprocess.badName", String.valueOf(storedName)));
        }
        Path source = errorDir.resolve(storedName);
        if (!Files.isRegularFile(source)) {
            throw new InvalidInputException(Problem.of("file", "reprocess.missing", storedName));
        }
        String original = originalName(storedName);
        Path inbox = folder(ExchangeLayout.INBOX, feed);
        Path target = inbox.resolve(original);
        try {
            Files.createDirectories(inbox);
            if (Files.exists(target)) {
                throw new InvalidInputException(Problem.of("file", "reprocess.inboxTaken", original));
            }
            Files.setLastModifiedTime(source, FileTime.from(clock.instant()));
            try {
                Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                // error/ and inbox/ on different file systems: copy under a name the route ignores, then rename
                Path temp = inbox.resolve("." + original + ".part");
                Files.copy(source, temp, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                Files.delete(source);
            }
            Files.deleteIfExists(errorDir.resolve(storedName + REPORT_SUFFIX));
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(Problem.of("file", "reprocess.missing", storedName));
        } catch (FileAlreadyExistsException e) {
            throw new InvalidInputException(Problem.of("file", "reprocess.inboxTaken", original));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        log.info("{} put error/{}/{} back into inbox/{}/{}", actor, feed, storedName, feed, original);
        audit.record(actor, AuditType.FILE_REPROCESS, feed + "/" + original, "from error/" + feed + "/" + storedName);
        return original;
    }

    private String originalName(String storedName) {
        return layout.originalName(storedName);
    }

    private Path folder(String kind, String feed) {
        if (!ExchangeLayout.isFeedName(feed)) {
            throw new InvalidInputException(Problem.of("feed", "reprocess.unknownFeed", String.valueOf(feed)));
        }
        return layout.folder(kind, feed);
    }

    private static List<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).toList();
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String reason(Path report) {
        try {
            String text = Files.readString(report, StandardCharsets.UTF_8);
            return text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON) + " …";
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }

    private static Instant modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toInstant();
        } catch (IOException e) {
            return null;
        }
    }
}
