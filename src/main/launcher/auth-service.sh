#!/bin/sh
# Starts auth-service on Payara Micro from what `mvn package` left in target/: the WAR, the Payara
# Micro jar and the class-data-sharing archive that shortens start-up (README, "Run it").
#   target/auth-service.sh                   # http://localhost:5000, data in ./data
#   AUTH_PORT=8080 target/auth-service.sh    # another port; every AUTH_* key works as in the README
target=$(dirname "$0")
config="$target/../payara-config"
exec java -XX:SharedArchiveFile="$target/auth-service.jsa" @"$config/jvm.options" \
    -jar "$target/payara-micro.jar" --deploy "$target/auth-service.war" --contextroot / \
    --port "${AUTH_PORT:-5000}" --nohazelcast --disablephonehome \
    --prebootcommandfile "$config/pre-boot-commands.asadmin" --systemproperties "$config/system.properties" \
    --logproperties "$config/logging.properties"
