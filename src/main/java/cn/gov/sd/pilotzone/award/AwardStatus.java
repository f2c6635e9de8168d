package cn.gov.sd.pilotzone.award;

import static java.util.Map.entry;

import java.util.Map;

import cn.gov.sd.pilotzone.award.AwardApplication.Status;
import cn.gov.sd.pilotzone.common.EngineListener;

import org.flowable.common.engine.api.delegate.event.FlowableEngineEventType;
import org.flowable.common.engine.api.delegate.event.FlowableEvent;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.delegate.event.FlowableActivityEvent;
import org.springframework.stereotype.Component;

/**
 * The one place an application's status is written while its case runs: the status each task of
 * {@code awardApplication} puts the case in, applied as the task starts. The process declares this listener
 * ({@code flowable:eventListener … ${awardStatus}}); {@code AwardStatusTest} checks that every task of the model
 * has a status here and every status here a task.
 */
@Component("awardStatus")
class AwardStatus implements EngineListener {

    static final Map<String, Status> BY_ACTIVITY = Map.ofEntries(
            entry("dataComparison", Status.CHECKING),
            entry("automatedChecks", Status.CHECKING),
            entry("intentConfirmation", Status.IN_REVIEW),
            entry("countyReview", Status.IN_REVIEW),
            entry("cityReview", Status.IN_REVIEW),
            entry("financeReview", Status.IN_REVIEW),
            entry("awaitCorrection", Status.CORRECTION),
            entry("publishNotice", Status.PUBLIC_NOTICE),
            entry("publicNotice", Status.PUBLIC_NOTICE),
            entry("issuePayment", Status.PAYING),
            entry("awaitReceipt", Status.PAYING),
            // a failed transfer is still being paid until finance re-issues (PAYING) or ends it (REJECTED)
            entry("paymentCorrection", Status.PAYING),
            entry("finishPaid", Status.PAID),
            entry("finishRejected", Status.REJECTED),
            entry("finishDeclined", Status.WITHDRAWN),
            entry("finishWithdrawn", Status.WITHDRAWN));

    private final ApplicationStore store;
    private final RuntimeService runtime;

    AwardStatus(ApplicationStore store, RuntimeService runtime) {
        this.store = store;
        this.runtime = runtime;
    }

    @Override
    public void onEvent(FlowableEvent event) {
        if (event.getType() == FlowableEngineEventType.ACTIVITY_STARTED && event instanceof FlowableActivityEvent a) {
            Status status = BY_ACTIVITY.get(a.getActivityId());
            if (status != null) {
                // a variable, not the business key: the instance may not be in the database yet (same transaction)
                store.setStatus((String) runtime.getVariable(a.getProcessInstanceId(), AwardApplications.APPLICATION_ID),
                        status);
            }
        }
    }
}
