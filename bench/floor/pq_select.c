/* The least any libpq client can do for `status`: connect (TCP, SCRAM, a
 * backend), read SequelizeMeta's names, disconnect. bench/run compiles it and
 * shows its time as the floor under `migmerge status`.
 *
 *   pq_select CONNINFO      exit 0 when the names were read */
#include <libpq-fe.h>
#include <stdio.h>

int main(int argc, char** argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: pq_select CONNINFO\n");
        return 2;
    }
    PGconn* connection = PQconnectdb(argv[1]);
    if (PQstatus(connection) != CONNECTION_OK) {
        fprintf(stderr, "%s", PQerrorMessage(connection));
        PQfinish(connection);
        return 3;
    }
    PGresult* names = PQexec(connection, "SELECT name FROM \"SequelizeMeta\" ORDER BY name");
    int ok = PQresultStatus(names) == PGRES_TUPLES_OK;
    if (!ok) fprintf(stderr, "%s", PQerrorMessage(connection));
    PQclear(names);
    PQfinish(connection);
    return ok ? 0 : 3;
}
