package cn.gov.sd.pilotzone.monitoring;

import cn.gov.sd.pilotzone.MariaDb;

/** {@link OperationDataIT} on MariaDB: batched writes, key-range replacement, the set-based fluctuation query. */
@MariaDb
class OperationDataMariaDbIT extends OperationDataIT {
}
