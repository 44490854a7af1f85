# syntax=docker/dockerfile:1
# AdeBot as a container. Build from the repository root:
#   docker build -t adebot .
# The development machines have no Docker engine, so this file is not built in CI; see docs/deployment.md.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore from the project files alone first, so the package layer survives source edits.
COPY Directory.Build.props Directory.Packages.props ./
COPY src/AdeBot/AdeBot.csproj src/AdeBot/
COPY src/AdeBot.Domain/AdeBot.Domain.csproj src/AdeBot.Domain/
COPY src/AdeBot.Connector/AdeBot.Connector.csproj src/AdeBot.Connector/
COPY src/AdeBot.Inventory/AdeBot.Inventory.csproj src/AdeBot.Inventory/
COPY src/AdeBot.Storage/AdeBot.Storage.csproj src/AdeBot.Storage/
RUN dotnet restore src/AdeBot/AdeBot.csproj
# .dockerignore keeps tests, build output and local data out of this copy.
COPY . .
RUN dotnet publish src/AdeBot/AdeBot.csproj --configuration Release --no-restore --output /app /p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
# The application files stay owned by root; only the data folder is writable by the app user.
RUN mkdir -p /app/data && chown "$APP_UID" /app/data
COPY --from=build /app ./
# ASPNETCORE_HTTP_PORTS is emptied because the base image sets it to 8080 and ASP.NET Core warns when
# both it and ASPNETCORE_URLS are set. Teams reaches the bot over HTTPS: terminate TLS in front of it.
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_HTTP_PORTS= \
    Storage__ConnectionString="Data Source=/app/data/adebot.db"
VOLUME /app/data
EXPOSE 8080
USER $APP_UID
# Readiness: the database, the bot credential and the Graph credentials (docs/deployment.md). The image
# has no curl or wget; bash's /dev/tcp sends the request. Healthy only on "HTTP/1.1 200".
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /readyz HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["dotnet", "AdeBot.dll"]
