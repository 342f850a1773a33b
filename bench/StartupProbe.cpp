// aerodesk_bench_startup_probe — start → first top-level window mapped, and RSS some time after
// start, measured the same way for any X11 program (AeroDesk, a bare Qt window, KeePassXC).
//
//   aerodesk_bench_startup_probe [--rss-after-ms N] [--timeout-ms N] -- PROGRAM [ARGS...]
//
// It subscribes to SubstructureNotify on the root window of $DISPLAY (use a private Xvfb: there
// is no window manager, so a top-level window's MapWindow request is granted at once and the
// server sends MapNotify to us), reads CLOCK_MONOTONIC, forks and execs PROGRAM in its own
// process group, and waits for the first MapNotify of a window that is not override-redirect
// (tooltips, drag icons). The time between fork and that event is `map_ms`: the X server sends
// the event while it handles the MapWindow request, so the error is the event's transit over a
// local socket (well under 1 ms). Then it sleeps until `--rss-after-ms` (default 2000) after the
// fork, reads VmRSS from /proc/<pid>/status (`rss_kb`) and the sum over the process group
// (`group_rss_kb`: AeroDesk's built-in sandbox is a child process), and ends the group (TERM,
// then KILL after 3 s). Prints one line: `map_ms=12.3 rss_kb=45678 group_rss_kb=56789`.
// Exit status 0, or 1 when no window was mapped before the timeout (default 20 s) or the
// program exited first.
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <poll.h>
#include <signal.h>
#include <string>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <xcb/xcb.h>

namespace {

double nowMs()
{
    timespec ts {};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

long statusField(pid_t pid, const char *field)
{
    const std::string path = "/proc/" + std::to_string(pid) + "/status";
    FILE *f = std::fopen(path.c_str(), "r");
    if (!f)
        return -1;
    char line[256];
    long value = -1;
    const size_t n = std::strlen(field);
    while (std::fgets(line, sizeof line, f)) {
        if (std::strncmp(line, field, n) == 0 && line[n] == ':') {
            value = std::strtol(line + n + 1, nullptr, 10);
            break;
        }
    }
    std::fclose(f);
    return value;
}

long processGroupRssKb(pid_t pgid)
{
    long total = 0;
    DIR *proc = opendir("/proc");
    if (!proc)
        return -1;
    while (dirent *e = readdir(proc)) {
        char *end = nullptr;
        const long pid = std::strtol(e->d_name, &end, 10);
        if (pid <= 0 || *end != '\0' || getpgid(pid_t(pid)) != pgid)
            continue;
        const long rss = statusField(pid_t(pid), "VmRSS");
        if (rss > 0)
            total += rss;
    }
    closedir(proc);
    return total;
}

void endGroup(pid_t pid)
{
    kill(-pid, SIGTERM);
    for (int i = 0; i < 300; ++i) {
        if (waitpid(pid, nullptr, WNOHANG) == pid)
            break;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    kill(-pid, SIGKILL); // anything left in the group (the child's own children)
    waitpid(pid, nullptr, WNOHANG);
}

} // namespace

int main(int argc, char **argv)
{
    long rssAfterMs = 2000;
    long timeoutMs = 20000;
    int i = 1;
    for (; i < argc; ++i) {
        if (std::strcmp(argv[i], "--") == 0) {
            ++i;
            break;
        }
        if (std::strcmp(argv[i], "--rss-after-ms") == 0 && i + 1 < argc)
            rssAfterMs = std::atol(argv[++i]);
        else if (std::strcmp(argv[i], "--timeout-ms") == 0 && i + 1 < argc)
            timeoutMs = std::atol(argv[++i]);
        else
            break;
    }
    if (i >= argc) {
        std::fprintf(stderr, "usage: %s [--rss-after-ms N] [--timeout-ms N] -- PROGRAM [ARGS...]\n",
                     argv[0]);
        return 2;
    }

    int screenNumber = 0;
    xcb_connection_t *conn = xcb_connect(nullptr, &screenNumber);
    if (xcb_connection_has_error(conn)) {
        std::fprintf(stderr, "startup_probe: cannot connect to the X display\n");
        return 2;
    }
    xcb_screen_iterator_t it = xcb_setup_roots_iterator(xcb_get_setup(conn));
    for (int s = 0; s < screenNumber; ++s)
        xcb_screen_next(&it);
    const uint32_t mask = XCB_EVENT_MASK_SUBSTRUCTURE_NOTIFY;
    xcb_void_cookie_t sel =
        xcb_change_window_attributes_checked(conn, it.data->root, XCB_CW_EVENT_MASK, &mask);
    if (xcb_generic_error_t *err = xcb_request_check(conn, sel)) {
        std::fprintf(stderr, "startup_probe: cannot watch the root window (error %d)\n",
                     err->error_code);
        std::free(err);
        return 2;
    }

    const double t0 = nowMs();
    const pid_t pid = fork();
    if (pid < 0)
        return 2;
    if (pid == 0) {
        setpgid(0, 0);
        execvp(argv[i], argv + i);
        std::fprintf(stderr, "startup_probe: cannot run %s: %s\n", argv[i], std::strerror(errno));
        _exit(127);
    }
    setpgid(pid, pid);

    double mapMs = -1;
    const int fd = xcb_get_file_descriptor(conn);
    while (mapMs < 0) {
        while (xcb_generic_event_t *ev = xcb_poll_for_event(conn)) {
            if ((ev->response_type & 0x7f) == XCB_MAP_NOTIFY) {
                const auto *map = reinterpret_cast<xcb_map_notify_event_t *>(ev);
                if (!map->override_redirect && mapMs < 0)
                    mapMs = nowMs() - t0;
            }
            std::free(ev);
        }
        if (mapMs >= 0)
            break;
        if (waitpid(pid, nullptr, WNOHANG) == pid) {
            std::fprintf(stderr, "startup_probe: %s exited before mapping a window\n", argv[i]);
            return 1;
        }
        const double left = double(timeoutMs) - (nowMs() - t0);
        if (left <= 0 || xcb_connection_has_error(conn)) {
            std::fprintf(stderr, "startup_probe: no window mapped within %ld ms\n", timeoutMs);
            endGroup(pid);
            return 1;
        }
        pollfd p { fd, POLLIN, 0 };
        poll(&p, 1, left < 50 ? int(left) + 1 : 50);
    }

    const double wait = double(rssAfterMs) - (nowMs() - t0);
    if (wait > 0)
        std::this_thread::sleep_for(std::chrono::microseconds(long(wait * 1000)));
    const long rss = statusField(pid, "VmRSS");
    const long groupRss = processGroupRssKb(pid);
    endGroup(pid);
    xcb_disconnect(conn);
    std::printf("map_ms=%.1f rss_kb=%ld group_rss_kb=%ld\n", mapMs, rss, groupRss);
    return 0;
}
