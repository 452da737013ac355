"""Demo content for Cordata: the Clusters Cord facts as data, real generated files and the services that load them."""
