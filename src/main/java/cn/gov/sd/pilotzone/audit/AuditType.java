package cn.gov.sd.pilotzone.audit;

/** What an audit entry records (docs/security.md lists where each is written). */
public enum AuditType {
    /** A person logged in with the form (HTTP Basic clients authenticate per request and are not logged each time). */
    LOGIN,
    /** A wrong password, an unknown name, or an attempt on a locked or disabled account. */
    LOGIN_FAILED,
    /** The failure that locked an account. */
    LOCKED_OUT,
    /** Accounts disabled at start-up: the demo accounts of an earlier demo run. */
    ACCOUNTS_DISABLED,
    /** A user task completed through the hub: its decision and comment. */
    TASK_DECISION,
    /** A review that set an approved amount. */
    AMOUNT_CHANGE,
    /** A payment issued again after a failed one. */
    PAYMENT_REISSUE,
    /** An Excel or CSV download. */
    EXPORT,
    /** A rejected file put back into its inbox from the dashboard. */
    FILE_REPROCESS,
    /** A state-changing request of an administrator through the hub. */
    ADMIN_ACTION,
    /** An allowed call of Flowable's REST API. */
    PROCESS_API,
    /** A refused call of Flowable's REST API. */
    PROCESS_API_REFUSED
}
