#pragma once

#include <QStringList>
#include <QWidget>

namespace aerodesk::ui {

/// A panel that is not built yet: its title, one sentence on its purpose and a bullet list of
/// what is coming. MainWindow treats it like any other panel, so replacing it with the real one
/// is a change in the app wiring only.
class PlaceholderPanel : public QWidget
{
    Q_OBJECT
public:
    PlaceholderPanel(const QString &title, const QString &summary, const QStringList &coming,
                     QWidget *parent = nullptr);

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyStyle();

    bool m_styling = false;
};

} // namespace aerodesk::ui
