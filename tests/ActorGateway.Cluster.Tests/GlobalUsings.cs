global using ActorGateway.TestKit;
