package cn.gov.sd.pilotzone.award;

import cn.gov.sd.pilotzone.MariaDb;

/** {@link CorrectionRaceIT} on MariaDB: the second filing's duplicate INSERT waits on the first's row lock. */
@MariaDb
class CorrectionRaceMariaDbIT extends CorrectionRaceIT {
}
