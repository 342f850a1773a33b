#include "CliApp.h"

#include "CliExit.h"
#include "commands/AccountsCommand.h"
#include "commands/AuditCommand.h"
#include "commands/BundleCommand.h"
#include "commands/ConnectionsCommand.h"
#include "commands/DecryptCommand.h"
#include "commands/EbConnectCommand.h"
#include "commands/EbLogoutCommand.h"
#include "commands/EbSilentAuthCommand.h"
#include "commands/EbStatusCommand.h"
#include "commands/EbUsersCommand.h"
#include "commands/ImportKeyCommand.h"
#include "commands/JobCommand.h"
#include "commands/TeamCommand.h"
#include "commands/TokenCommand.h"
#include "commands/VerifyWebhookCommand.h"

#include <QCoreApplication>
#include <QTimer>

#include <cstdio>

namespace aerodesk::cli {

namespace {

void printText(const QString &text, FILE *to = stdout)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), to);
    std::fflush(to);
}

} // namespace

CliApp::CliApp()
{
    m_commands.push_back(std::make_unique<DecryptCommand>());
    m_commands.push_back(std::make_unique<VerifyWebhookCommand>());
    m_commands.push_back(std::make_unique<TokenCommand>());
    m_commands.push_back(std::make_unique<AccountsCommand>());
    m_commands.push_back(std::make_unique<JobCommand>());
    m_commands.push_back(std::make_unique<ConnectionsCommand>());
    m_commands.push_back(std::make_unique<BundleCommand>());
    m_commands.push_back(std::make_unique<ImportKeyCommand>());
    m_commands.push_back(std::make_unique<EbConnectCommand>());
    m_commands.push_back(std::make_unique<EbSilentAuthCommand>());
    m_commands.push_back(std::make_unique<EbStatusCommand>());
    m_commands.push_back(std::make_unique<EbUsersCommand>());
    m_commands.push_back(std::make_unique<EbLogoutCommand>());
    m_commands.push_back(std::make_unique<AuditCommand>());
    m_commands.push_back(std::make_unique<TeamCommand>());

    m_global.setApplicationDescription(
        QStringLiteral("AeroDesk's command line, over the same core as the console."));
    m_global.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    m_global.addHelpOption();
    m_global.addVersionOption();
    CliEnvironment::addOptions(m_global);
    m_global.addOption({ QStringLiteral("compact"), QStringLiteral("Print JSON on one line.") });
    m_global.addOption({ QStringLiteral("quiet"), QStringLiteral("No progress lines on stderr.") });
    m_global.addPositionalArgument(QStringLiteral("command"),
                                   QStringLiteral("One of the commands below."));
}

CliApp::~CliApp() = default;

CliCommand *CliApp::find(const QString &name) const
{
    for (const auto &c : m_commands)
        if (c->name() == name)
            return c.get();
    return nullptr;
}

QString CliApp::usage() const
{
    QString text = m_global.helpText();
    text += QStringLiteral("\nCommands:\n");
    for (const auto &c : m_commands)
        text += QStringLiteral("  %1 %2\n      %3\n").arg(c->name(), c->arguments(), c->summary());
    text += QStringLiteral(
        "\n`aerodesk-cli <command> --help` shows a command's options.\n"
        "Exit codes: 0 ok, 1 negative answer (invalid signature, job not completed, API error),\n"
        "2 usage, 3 bad input, 4 keychain, 5 environment unreachable.\n");
    return text;
}

int CliApp::start(const QStringList &arguments)
{
    if (!m_global.parse(arguments)) {
        m_ctx.out.error(QStringLiteral("usage"), m_global.errorText());
        return Usage;
    }
    if (m_global.isSet(QStringLiteral("help"))) {
        printText(usage());
        return Ok;
    }
    if (m_global.isSet(QStringLiteral("version"))) {
        printText(QStringLiteral("aerodesk-cli %1\n").arg(QCoreApplication::applicationVersion()));
        return Ok;
    }
    m_ctx.out.setCompact(m_global.isSet(QStringLiteral("compact")));
    m_ctx.out.setQuiet(m_global.isSet(QStringLiteral("quiet")));
    QStringList rest = m_global.positionalArguments();
    if (rest.isEmpty()) {
        printText(usage(), stderr);
        return Usage;
    }
    const QString name = rest.takeFirst();
    CliCommand *command =
        find(name == QLatin1String("help") && !rest.isEmpty() ? rest.first() : name);
    if (!command) {
        m_ctx.out.error(
            QStringLiteral("usage"),
            QStringLiteral("Unknown command \"%1\". Run aerodesk-cli --help.").arg(name));
        return Usage;
    }
    m_command.setApplicationDescription(command->summary());
    m_command.addHelpOption();
    command->addOptions(m_command);
    if (!command->arguments().isEmpty())
        m_command.addPositionalArgument(QStringLiteral("arguments"), command->arguments(),
                                        command->arguments());
    if (name == QLatin1String("help")) {
        printText(m_command.helpText());
        return Ok;
    }
    if (!m_command.parse(QStringList { QStringLiteral("aerodesk-cli ") + name } + rest)) {
        m_ctx.out.error(QStringLiteral("usage"), m_command.errorText());
        return Usage;
    }
    if (m_command.isSet(QStringLiteral("help"))) {
        printText(m_command.helpText());
        return Ok;
    }
    if (auto problem = CliEnvironment::validate(m_global)) {
        m_ctx.out.error(QStringLiteral("usage"), *problem);
        return Usage;
    }
    m_ctx.options = &m_command;
    m_ctx.args = m_command.positionalArguments();
    m_ctx.keychain = std::make_unique<keychain::Keychain>(CliEnvironment::profileFor(m_global));
    m_environment = std::make_unique<CliEnvironment>(m_global, *m_ctx.keychain);
    m_environment->prepare(
        command->needsApi(),
        [this, command](Result<api::Environment, CliEnvironment::Failure> env) {
            if (!env) {
                m_ctx.out.error(QStringLiteral("environment"), env.error().message);
                return finish(env.error().exitCode);
            }
            m_ctx.environmentKind = env.value().kind;
            if (command->needsApi())
                m_ctx.client =
                    std::make_unique<api::ApiClient>(env.value(), *m_ctx.keychain, m_ctx.clock);
            command->run(m_ctx, [this](int code) { finish(code); });
        });
    return -1;
}

void CliApp::finish(int code)
{
    if (m_finished)
        return;
    m_finished = true;
    // Leave the callback first: the command's objects unwind before the loop ends.
    QTimer::singleShot(0, this, [code] { QCoreApplication::exit(code); });
}

} // namespace aerodesk::cli
