package cn.gov.sd.pilotzone.task;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.flowable.engine.RuntimeService;
import org.flowable.engine.runtime.NativeProcessInstanceQuery;
import org.springframework.stereotype.Component;

/**
 * Business keys of running process instances by primary key, with the hub's one native query on the engine's
 * tables: {@code processInstanceIds(…)} filters on {@code PROC_INST_ID_} inside an OR group, which H2 evaluates
 * row by row over every execution (measured: two thirds of a task-list request with 3,000 open tasks, growing
 * with the number of running processes). The table name is Flowable's; {@code BusinessKeysIT} pins the
 * Flowable version this was measured and checked on.
 */
@Component
class BusinessKeys {

    static final String EXECUTION_TABLE = "ACT_RU_EXECUTION";

    private final RuntimeService runtime;

    BusinessKeys(RuntimeService runtime) {
        this.runtime = runtime;
    }

    Map<String, String> of(Collection<String> processInstanceIds) {
        Map<String, String> keys = new HashMap<>();
        if (processInstanceIds.isEmpty()) {
            return keys;
        }
        NativeProcessInstanceQuery query = runtime.createNativeProcessInstanceQuery();
        StringBuilder in = new StringBuilder();
        int i = 0;
        for (String id : processInstanceIds) {
            in.append(i == 0 ? "" : ",").append("#{id").append(i).append('}');
            query.parameter("id" + i++, id);
        }
        query.sql("SELECT * FROM " + EXECUTION_TABLE + " WHERE ID_ IN (" + in + ")").list()
                .forEach(pi -> keys.put(pi.getId(), pi.getBusinessKey()));
        return keys;
    }
}
