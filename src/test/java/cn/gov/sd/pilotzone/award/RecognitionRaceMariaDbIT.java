package cn.gov.sd.pilotzone.award;

import cn.gov.sd.pilotzone.MariaDb;

/** {@link RecognitionRaceIT} on MariaDB: the award ledger's primary key under InnoDB locking. */
@MariaDb
class RecognitionRaceMariaDbIT extends RecognitionRaceIT {
}
