#pragma once

#include <QLabel>

namespace aerodesk::ui {

/// A panel's standing state above its content (e.g. "Team store unreachable since 10:42 —
/// read-only; retrying"), in the same look in every panel: highlighted, word-wrapped, plain
/// text. Shown while it has text; setState({}) hides it. Unlike NoticeLine, which reports what
/// an action did, a banner says what holds now.
class StateBanner : public QLabel
{
    Q_OBJECT
public:
    /// `objectName` and `accessibleName` name the banner for tests and assistive technology.
    StateBanner(const QString &objectName, const QString &accessibleName,
                QWidget *parent = nullptr);

    /// Shows `text` (already translated), or hides the banner when it is empty.
    void setState(const QString &text);
};

} // namespace aerodesk::ui
