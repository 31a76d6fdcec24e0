// dotnet run --project samples/FactsApi [-- --urls http://127.0.0.1:5080 --FactsApi:DataDirectory=./data]
//   curl -X POST -H 'Content-Type: application/json' --data @samples/NewsFacts/facts.json http://127.0.0.1:5080/factsets
//   curl http://127.0.0.1:5080/factsets/1     curl http://127.0.0.1:5080/factsets     curl http://127.0.0.1:5080/openapi/v1.json
FactsApi.FactsApiApp.Create(args).Run();
