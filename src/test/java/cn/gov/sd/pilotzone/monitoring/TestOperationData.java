package cn.gov.sd.pilotzone.monitoring;

import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.gov.sd.pilotzone.monitoring.OperationDataReader.OperationRecord;

import org.springframework.stereotype.Component;

/**
 * Operation data that tests of other packages store and read back, through the package-private store (the
 * application takes it only from its feed).
 */
@Component
public class TestOperationData {

    private final OperationDataStore store;

    TestOperationData(OperationDataStore store) {
        this.store = store;
    }

    /** Stores these months as the feed would (the given indicators as reported). */
    public void apply(List<OperationRecord> rows, Set<String> indicators) {
        store.apply(rows, indicators);
    }

    /** One stored month of an enterprise, by column. */
    public Map<String, Object> month(String uscc, String period) {
        return store.month(uscc, period);
    }
}
