#!/usr/bin/env bash
# Starts the local MariaDB if it is not running and creates the hub's test database and user.
# Idempotent; used by .ci/run and by developers who want the MariaDB suites locally.
set -euo pipefail
if ! mysqladmin --silent ping >/dev/null 2>&1; then
  echo "starting MariaDB"
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd
  for _ in $(seq 1 60); do mysqladmin --silent ping >/dev/null 2>&1 && break; sleep 1; done
fi
mysqladmin --silent ping
mysql -uroot <<'SQL'
CREATE DATABASE IF NOT EXISTS hub_test CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
CREATE DATABASE IF NOT EXISTS hub_ex CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
CREATE DATABASE IF NOT EXISTS hub_fault CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
CREATE DATABASE IF NOT EXISTS hub CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
CREATE USER IF NOT EXISTS 'hub'@'localhost' IDENTIFIED BY 'hub';
CREATE USER IF NOT EXISTS 'hub'@'%' IDENTIFIED BY 'hub';
GRANT ALL PRIVILEGES ON hub_test.* TO 'hub'@'localhost', 'hub'@'%';
GRANT ALL PRIVILEGES ON hub_fault.* TO 'hub'@'localhost', 'hub'@'%';
GRANT ALL PRIVILEGES ON hub_ex.* TO 'hub'@'localhost', 'hub'@'%';
GRANT ALL PRIVILEGES ON hub.* TO 'hub'@'localhost', 'hub'@'%';
FLUSH PRIVILEGES;
SQL
echo "MariaDB ready: databases hub, hub_test, hub_fault, hub_ex; user hub"
