// The baseline: a bare botbuilder echo bot on the same restify + CloudAdapter stack, no state, no storage.
// `npm run bench` measures the event bot against it.
import restify from 'restify';
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
const bot = new ActivityHandler();
bot.onMessage(async (context, next) => {
  await context.sendActivity(`You said: ${context.activity.text}`);
  await next();
});

const server = restify.createServer();
server.use(restify.plugins.bodyParser({ mapParams: false }));
server.post('/api/messages', async (req, res) => {
  await adapter.process(req, res, (context) => bot.run(context));
});
server.listen(Number(process.env.PORT ?? 3979), '127.0.0.1', () => console.log('echo bot listening'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
