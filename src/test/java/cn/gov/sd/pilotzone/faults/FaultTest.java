package cn.gov.sd.pilotzone.faults;

import java.nio.file.Files;
import java.nio.file.Path;

import cn.gov.sd.pilotzone.MariaDb;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** A fault test: MariaDB reachable (always under CI=true), an empty fault database, a new data folder. */
@ExtendWith(MariaDb.Reachable.class)
abstract class FaultTest {

    protected Path dataDir;

    @BeforeEach
    void emptyDatabaseAndNewFolders() throws Exception {
        FaultDatabase.empty();
        dataDir = Files.createTempDirectory("hub-" + getClass().getSimpleName());
    }
}
