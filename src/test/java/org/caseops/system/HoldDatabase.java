package org.caseops.system;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

/**
 * Test helper run in a child JVM: starts (or joins) the embedded database in the home folder given, writes a marker
 * row, prints READY and holds the database until killed.
 */
public final class HoldDatabase {

    public static void main(String[] args) throws Exception {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrJoin(Path.of(args[0]), 0);
        try (Connection c = server.ownerConnection();
             Statement s = c.createStatement()) {
            s.execute("create table if not exists marker (note text)");
            s.execute("insert into marker values ('" + args[1] + "')");
        }
        System.out.println("READY owner=" + server.owner() + " port=" + server.port());
        Thread.sleep(Long.MAX_VALUE);
    }
}
