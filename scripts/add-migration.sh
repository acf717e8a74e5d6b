#!/usr/bin/env bash
# Adds a migration to both providers: ./scripts/add-migration.sh NAME
#
# NAME is PascalCase (a capital letter, then letters and digits), e.g. SessionRooms. Writes it to
# src/Summit.Migrations.Sqlite/Migrations and src/Summit.Migrations.Postgres/Migrations with the repository's dotnet-ef
# (.config/dotnet-tools.json). Migrations are applied when Summit starts; MigrationDriftTests fails while the model has a
# change that no migration holds. dotnet ef's warning that the namespace "contains migrations for a different DbContext"
# is expected: the migrations name a stand-in for the server's context (docs/adr/0025-migrations-in-their-own-projects.md).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

usage() {
    sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

[[ $# -eq 1 ]] || usage
NAME=$1
[[ $NAME =~ ^[A-Z][A-Za-z0-9]{0,99}$ ]] || { echo "add-migration.sh: '$NAME' is not a PascalCase name" >&2; usage; }
for provider in Sqlite Postgres; do
    if compgen -G "src/Summit.Migrations.$provider/Migrations/*_$NAME.cs" > /dev/null; then
        echo "add-migration.sh: a $provider migration named $NAME exists already" >&2
        exit 2
    fi
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet tool restore > /dev/null
# One build serves both: the server references the two migrations projects.
dotnet build src/Summit.Server -c Debug --nologo -v quiet
for provider in Sqlite Postgres; do
    dotnet tool run dotnet-ef migrations add "$NAME" --no-build --configuration Debug \
        --project "src/Summit.Migrations.$provider" --startup-project src/Summit.Server \
        --context "${provider}SummitDbContext" --output-dir Migrations \
        --namespace "Summit.Server.Infrastructure.Database.Migrations.$provider"
done
