package cn.gov.sd.pilotzone.province;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import cn.gov.sd.pilotzone.province.DesignationStore.Status;

import org.flowable.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The service steps of {@code zoneDesignation} (bpmn/zone-designation.bpmn20.xml), called by expression: each
 * writes where the designation stands, so the zone's page and API read it from one table.
 */
@Component("designationSteps")
public class DesignationSteps {

    /** The yearly ratings; 不合格 counts towards removal. */
    public static final List<String> RATINGS = List.of("优秀", "良好", "合格", "不合格");
    public static final String FAILING = "不合格";

    private final DesignationStore store;

    DesignationSteps(DesignationStore store) {
        this.store = store;
    }

    public void status(DelegateExecution execution, String status) {
        store.status(execution.getProcessInstanceBusinessKey(), Status.valueOf(status));
    }

    /** The mean of the experts' scores ({@code score_<expert>}), to 2 decimals, as {@code meanScore}. */
    public void aggregate(DelegateExecution execution) {
        @SuppressWarnings("unchecked")
        List<String> experts = (List<String>) execution.getVariable("experts");
        BigDecimal sum = BigDecimal.ZERO;
        for (String expert : experts) {
            sum = sum.add(new BigDecimal(String.valueOf(execution.getVariable(DesignationForms.scoreVariable(expert)))));
        }
        BigDecimal mean = sum.divide(BigDecimal.valueOf(experts.size()), 2, RoundingMode.HALF_UP);
        execution.setVariable("meanScore", mean);
        store.scored(execution.getProcessInstanceBusinessKey(), mean);
    }

    public void list(DelegateExecution execution) {
        store.listed(execution.getProcessInstanceBusinessKey(), (String) execution.getVariable("batch"));
    }

    /** Refused by the mean score or by the decision: the decision's comment, else the score, are the reasons. */
    public void refuse(DelegateExecution execution) {
        Object mean = execution.getVariable("meanScore");
        Object decision = execution.getVariable("decision");
        String reasons = "reject".equals(decision) ? (String) execution.getVariable("comment")
                : "专家评审均分 " + mean + " 低于合格分 " + execution.getVariable("passScore");
        store.refused(execution.getProcessInstanceBusinessKey(), reasons);
    }

    /** Records the year's rating and sets {@code consecutiveFails}, which the gateway compares with 2. */
    public void recordRating(DelegateExecution execution) {
        String rating = (String) execution.getVariable("rating");
        int fails = store.rated(execution.getProcessInstanceBusinessKey(),
                ((Number) execution.getVariable("evaluationYear")).intValue(), rating,
                (String) execution.getVariable("ratedBy"), FAILING.equals(rating));
        execution.setVariable("consecutiveFails", fails);
    }

    public void remove(DelegateExecution execution) {
        store.status(execution.getProcessInstanceBusinessKey(), Status.REMOVED);
    }

    public void recommend(DelegateExecution execution) {
        store.status(execution.getProcessInstanceBusinessKey(), Status.RECOMMENDED);
    }
}
