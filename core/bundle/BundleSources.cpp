#include "core/bundle/BundleSources.h"

namespace aerodesk::bundle {

QString BundleSources::subjectName(Subject subject)
{
    return subject == Subject::PartnerUser ? QStringLiteral("partner-user")
                                           : QStringLiteral("connection");
}

} // namespace aerodesk::bundle
