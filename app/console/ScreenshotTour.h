#pragma once

#include <QObject>
#include <QString>

namespace aerodesk::ui {
class MainWindow;
class PayloadInspectorPanel;
} // namespace aerodesk::ui

namespace aerodesk {

class ConsoleWiring;

/// `aerodesk --screenshot-tour DIR` (developer; scripts/screenshot.sh): brings the console into
/// a realistic state against its built-in sandbox — every walkthrough run (so there are
/// connections, jobs and an MFA relaunch), a sample payload decrypted in the inspector, a
/// webhook secret rotated and a signed sandbox delivery verified — then
/// writes one PNG per panel into DIR (none when DIR is empty) and emits finished(0) (1 on any
/// failure, with the reason on stderr); main() quits with that code. Run it with a throwaway XDG
/// data/config home and a private keyring. The pseudo-locale GUI test reuses it for its state.
class ScreenshotTour : public QObject
{
    Q_OBJECT
public:
    ScreenshotTour(ui::MainWindow &window, ConsoleWiring &wiring, QString directory,
                   QObject *parent = nullptr);
    /// How long start() gives the whole tour before it fails (60 s; tests on a loaded machine
    /// give it more). Set before start().
    void setTimeLimit(int milliseconds) { m_timeLimitMs = milliseconds; }
    void start();

Q_SIGNALS:
    /// Once: 0 when every step passed and every PNG was written, 1 otherwise.
    void finished(int exitCode);

private:
    void runWalkthroughs(int index);
    void expireOneSoon();
    void decryptSample();
    void answerAndAuthenticate(ui::PayloadInspectorPanel *inspector);
    void prepareWebhooks();
    void capture();
    void fail(const QString &why);
    void finish(int exitCode);

    ui::MainWindow &m_window;
    ConsoleWiring &m_wiring;
    QString m_directory;
    bool m_started = false;
    bool m_finished = false;
    int m_timeLimitMs = 60000;
};

} // namespace aerodesk
