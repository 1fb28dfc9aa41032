# Sourced by the load scripts: builds the Release app ($dll) and, once, a database of $count
# generated digests (seed 7) under $work, which later runs reuse.
export DOTNET_hostBuilder__reloadConfigOnChange=false
dotnet build -c Release src/NewsDigest.Web -v quiet -nologo >/dev/null
dll=src/NewsDigest.Web/bin/Release/net10.0/NewsDigest.Web.dll
if [ ! -f "$work/news.db" ]; then
  rm -rf "$work" && mkdir -p "$work"
  dotnet "$dll" generate "$work/seeds" --count "$count" --seed 7 >/dev/null
  dotnet "$dll" ingest "$work/seeds" --db "$work/news.db" | sed -n 2p
fi
