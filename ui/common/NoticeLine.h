#pragma once

#include <QLabel>

namespace aerodesk::ui {

/// The one status/notice line of every panel: a short message with its kind (info, success,
/// warning, error) marked by a sign and a coloured stripe — never by colour alone — in the same
/// look everywhere. The text is plain (never rich text) and selectable; the accessible
/// description says the kind in words. clear() hides the line.
///
/// Callers pass text already translated (tr()) and already masked: a warning or an error is also
/// written once to the diagnostic log (qCWarning(aerodesk::log::ui)), so it must never hold a
/// secret, a token, a userCode or an unmasked id. Showing the same notice again does not log again.
class NoticeLine : public QLabel
{
    Q_OBJECT
public:
    enum class Kind { Info, Success, Warning, Error };
    Q_ENUM(Kind)

    /// `objectName` and `accessibleName` name the line for tests and assistive technology.
    NoticeLine(const QString &objectName, const QString &accessibleName, QWidget *parent = nullptr);

    void setNotice(Kind kind, const QString &message);
    /// As setNotice(), but the diagnostic log's copy has every string of `keepOutOfLog` (e.g. a
    /// partner-user id, shown in full to the person but PII-adjacent) replaced by "<id>".
    void setNotice(Kind kind, const QString &message, const QStringList &keepOutOfLog);
    void showInfo(const QString &message) { setNotice(Kind::Info, message); }
    void showSuccess(const QString &message) { setNotice(Kind::Success, message); }
    void showWarning(const QString &message) { setNotice(Kind::Warning, message); }
    void showError(const QString &message) { setNotice(Kind::Error, message); }
    /// Empties and hides the line.
    void clearNotice();
    /// Whether the hidden (empty) line keeps its room in the layout, so that showing a notice
    /// does not move what is around it. Off by default.
    void setKeepsSpaceWhenEmpty(bool keep);

    Kind kind() const { return m_kind; }
    /// The message as given (without the sign).
    QString message() const { return m_message; }
    bool hasNotice() const { return !m_message.isEmpty(); }
    /// The sign shown before a message of `kind` ("✘ " for an error…), empty for Info.
    static QString sign(Kind kind);

Q_SIGNALS:
    void noticeChanged(aerodesk::ui::NoticeLine::Kind kind, const QString &message);

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyStyle();

    Kind m_kind = Kind::Info;
    QString m_message;
    bool m_styling = false;
    QStringList m_keepOutOfLog;
};

} // namespace aerodesk::ui
