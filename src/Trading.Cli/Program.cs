using Trading.Cli;

return await TradingCli.RunAsync(args);
