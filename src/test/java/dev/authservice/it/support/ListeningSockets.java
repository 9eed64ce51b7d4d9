package dev.authservice.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** The TCP sockets a process listens on, read from Linux's /proc as `ss -ltnp` would show them. */
public final class ListeningSockets {

    /** One listening socket: its address in /proc's hex notation and its port. */
    public record Socket(String hexAddress, int port) {

        boolean isLoopback() {
            return hexAddress.length() == 8
                    ? hexAddress.endsWith("7F") // 127.x.x.x, little-endian
                    : hexAddress.equals("00000000000000000000000001000000") // ::1
                            || hexAddress.startsWith("0000000000000000FFFF0000") && hexAddress.endsWith("7F");
        }
    }

    private ListeningSockets() {}

    public static List<Socket> of(long pid) {
        Set<String> inodes = socketInodes(pid);
        List<Socket> sockets = new ArrayList<>();
        for (String table : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
            for (String line : lines(Path.of(table))) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 9 && f[3].equals("0A") && inodes.contains(f[9])) {
                    String[] local = f[1].split(":");
                    sockets.add(new Socket(local[0], Integer.parseInt(local[1], 16)));
                }
            }
        }
        return sockets;
    }

    private static Set<String> socketInodes(long pid) {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            fds.forEach(fd -> {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // the descriptor went away while we looked
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return inodes;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
