#!/bin/sh
# Bulk-imports this folder into a new, empty Neo4j 5 database (neo4j-admin works offline:
# stop the database first). Usage: sh import.sh [DATABASE]   (default: neo4j)
# 7 nodes in 7 files, 9 relationships in 8 files. Each file's first row is its header;
# ids are canonical keys in one id space (Node); arrays (labels, aliases) are separated
# by U+001F, which no value contains; quoted fields may span lines.
# The tool creates no constraints: run the CREATE CONSTRAINT lines of graph.cypher after.
set -eu
cd "$(dirname "$0")"
neo4j-admin database import full "${1:-neo4j}" \
  --nodes=nodes_document.csv \
  --nodes=nodes_entity_aws_service.csv \
  --nodes=nodes_entity_company.csv \
  --nodes=nodes_entity_person.csv \
  --nodes=nodes_event.csv \
  --nodes=nodes_quantity.csv \
  --nodes=nodes_section_talk.csv \
  --relationships=rels_co_occurs.csv \
  --relationships=rels_has_section.csv \
  --relationships=rels_measures.csv \
  --relationships=rels_mentions.csv \
  --relationships=rels_part_of_event.csv \
  --relationships=rels_role_at.csv \
  --relationships=rels_states.csv \
  --relationships=rels_uses.csv \
  --id-type=string \
  --array-delimiter=U+001F \
  --multiline-fields=true
