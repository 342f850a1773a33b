#pragma once

#include <QVariant>
#include <QWidget>

namespace aerodesk::ui {

/// The property that marks a widget whose text is data, not interface text: ids, amounts,
/// bank names, URLs, JSON. Such text is never translated, and the pseudo-locale test
/// (tests/ui/shell/PseudoLocaleTest) does not expect it to be; everything else must come
/// through tr(). Applies to the widget and everything inside it.
inline constexpr char kDataTextProperty[] = "aerodeskDataText";

/// Marks `widget` as showing data (see kDataTextProperty). Returns `widget`.
template<typename W> W *markAsData(W *widget)
{
    widget->setProperty(kDataTextProperty, true);
    return widget;
}

} // namespace aerodesk::ui
