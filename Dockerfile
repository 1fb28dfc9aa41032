# syntax=docker/dockerfile:1
# NewsDigest portal: build with the .NET SDK, run on the slim ASP.NET runtime as a non-root user.
#   docker build -t newsdigest .
#   docker run -p 8080:8080 -v newsdigest-data:/data newsdigest
# It answers localhost only, until told its public address (-e NewsDigest__PublicBaseUrl=https://news.example.com)
# or the names it is reached by (-e AllowedHosts='localhost;news.example.com'); see the README.
# Mount your own digests over /app/seeds to serve them instead of the bundled samples.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore first, from the project files alone, so the layer is cached until packages change.
COPY NewsDigest.sln Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/NewsDigest.Core/NewsDigest.Core.csproj src/NewsDigest.Core/
COPY src/NewsDigest.Samples/NewsDigest.Samples.csproj src/NewsDigest.Samples/
COPY src/NewsDigest.Web/NewsDigest.Web.csproj src/NewsDigest.Web/
RUN dotnet restore src/NewsDigest.Web/NewsDigest.Web.csproj
COPY src/ src/
RUN dotnet publish src/NewsDigest.Web/NewsDigest.Web.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
COPY seeds/ ./seeds/
# The database lives on a volume; the image's non-root user (APP_UID, from the base image) owns it.
RUN mkdir -p /data && chown "$APP_UID" /data
VOLUME /data
ENV ASPNETCORE_HTTP_PORTS=8080 \
    NewsDigest__SeedsPath=/app/seeds \
    NewsDigest__DatabasePath=/data/newsdigest.db \
    DOTNET_hostBuilder__reloadConfigOnChange=false
EXPOSE 8080
USER $APP_UID
HEALTHCHECK --interval=30s --timeout=3s CMD ["dotnet", "NewsDigest.Web.dll", "healthcheck"]
ENTRYPOINT ["dotnet", "NewsDigest.Web.dll"]
