#pragma once

#include <QString>

#include <functional>

class QWidget;

namespace aerodesk::ui {

/// Lets the user pick a small text file (an armoured key or export) with a non-blocking file
/// dialog and hands its text to `loaded`; a file that cannot be read, or is larger than
/// `maxBytes`, goes to `failed` with one sentence naming it (`what` says what was expected,
/// e.g. "an enrolment key"). Nothing is read beyond `maxBytes`.
class SmallTextFile
{
public:
    static void pick(QWidget *parent, const QString &title, const QString &what, qint64 maxBytes,
                     std::function<void(const QString &text)> loaded,
                     std::function<void(const QString &error)> failed);
};

} // namespace aerodesk::ui
