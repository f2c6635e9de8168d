package cn.gov.sd.pilotzone.task;

import cn.gov.sd.pilotzone.MariaDb;

/** {@link SameTaskTwiceIT} on MariaDB: the later completions wait on the first's lock of the task's row. */
@MariaDb
class SameTaskTwiceMariaDbIT extends SameTaskTwiceIT {
}
