// aerodesk_bench_bare_window — the floor for "start → first window mapped": a QApplication and
// one empty QWidget shown, nothing else (scripts/bench.sh measures it beside AeroDesk).
#include <QApplication>
#include <QWidget>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QWidget window;
    window.resize(1100, 720);
    window.show();
    return app.exec();
}
