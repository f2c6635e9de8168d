package cn.gov.sd.pilotzone.award;

import cn.gov.sd.pilotzone.MariaDb;

/** {@link ObjectionRaceIT} on MariaDB: the later objections wait on the first's lock of the application's row. */
@MariaDb
class ObjectionRaceMariaDbIT extends ObjectionRaceIT {
}
