package cn.gov.sd.pilotzone.award;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The hub's record of one application: what the API and the UI show, kept in step by the process. */
public record AwardApplication(String applicationId, String uscc, String enterpriseName, String countyCode,
                               String policyCode, Channel channel, LocalDate eventDate, Status status,
                               BigDecimal proposedAmount, BigDecimal approvedAmount, List<String> reasons,
                               String processInstanceId, String payload, Instant createdAt, Instant updatedAt) {

    public enum Channel { APPLY, AUTO }

    public enum Status {
        CHECKING, IN_REVIEW, CORRECTION, PUBLIC_NOTICE, PAYING, PAID, REJECTED, WITHDRAWN;

        public boolean ended() {
            return this == PAID || this == REJECTED || this == WITHDRAWN;
        }
    }

    /** The amount that will be paid: the reviewers' if set, else the catalog's proposal. */
    public BigDecimal amount() {
        return approvedAmount != null ? approvedAmount : proposedAmount;
    }

    /** One step of the case's history: who did what, when. */
    public record Event(Instant at, String actor, String step, String decision, String comment, BigDecimal amount) {
    }
}
