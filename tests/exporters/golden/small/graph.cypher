// kgx knowledge graph for Neo4j 5: 7 nodes, 9 relationships.
// Idempotent: constraints IF NOT EXISTS, nodes MERGEd on `key`, relationships MERGEd between them.
CREATE CONSTRAINT document_key IF NOT EXISTS FOR (n:Document) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT entity_key IF NOT EXISTS FOR (n:Entity) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT event_key IF NOT EXISTS FOR (n:Event) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT quantity_key IF NOT EXISTS FOR (n:Quantity) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT section_key IF NOT EXISTS FOR (n:Section) REQUIRE n.key IS UNIQUE;
UNWIND [
  {`key`: 'document/D1', `name`: 'notes/reinvent 2016.txt', `kind`: 'document', `type`: 'document', `record_id`: 'D1', `path`: 'notes/reinvent 2016.txt', `event`: 'AWS re:Invent 2016', `degree`: 0, `pagerank`: 0.0, `component`: 0, `mention_count`: 0, `src_doc`: 'D1', `src_path`: 'notes/reinvent 2016.txt', `src_line`: 1, `src_start`: 0, `src_end`: 0, `src_text`: 'AWS re:Invent 2016 & friends'}
] AS row
MERGE (n:Document {key: row.key})
SET n += row;
UNWIND [
  {`key`: 'aws_service/amazon-aurora', `name`: 'Amazon Aurora', `kind`: 'entity', `type`: 'aws_service', `record_id`: 'aws_service/amazon-aurora', `aliases`: ['Aurora', 'オーロラ'], `discovered`: false, `degree`: 1, `pagerank`: 0.7701410397640535, `component`: 1, `mention_count`: 2, `src_doc`: 'D1', `src_section`: 'D1#L3', `src_path`: 'notes/reinvent 2016.txt', `src_line`: 4, `src_start`: 80, `src_end`: 86, `src_text`: 'Aurora', `src_context`: '  • Auroraは5倍速い'}
] AS row
MERGE (n:Entity {key: row.key})
SET n += row, n:AwsService;
UNWIND [
  {`key`: 'company/netflix', `name`: 'Netflix', `kind`: 'entity', `type`: 'company', `record_id`: 'company/netflix', `discovered`: true, `degree`: 2, `pagerank`: 1.4591263911444678, `component`: 1, `mention_count`: 1, `src_doc`: 'D1', `src_section`: 'D1#L3', `src_path`: 'notes/reinvent 2016.txt', `src_line`: 5, `src_start`: 120, `src_end`: 127, `src_text`: 'Netflix'}
] AS row
MERGE (n:Entity {key: row.key})
SET n += row, n:Company;
UNWIND [
  {`key`: 'person/adrian-cockcroft', `name`: 'Adrian Cockcroft', `kind`: 'entity', `type`: 'person', `record_id`: 'person/adrian-cockcroft', `discovered`: false, `degree`: 1, `pagerank`: 0.7701410397640535, `component`: 1, `mention_count`: 0, `src_doc`: 'D1', `src_section`: 'D1#L3', `src_path`: 'notes/reinvent 2016.txt', `src_line`: 6, `src_start`: 140, `src_end`: 156, `src_text`: 'Adrian Cockcroft'}
] AS row
MERGE (n:Entity {key: row.key})
SET n += row, n:Person;
UNWIND [
  {`key`: 'event/aws-reinvent-2016', `name`: 'AWS re:Invent 2016', `kind`: 'event', `type`: 'event', `degree`: 0, `pagerank`: 0.0, `component`: 0, `mention_count`: 0}
] AS row
MERGE (n:Event {key: row.key})
SET n += row;
UNWIND [
  {`key`: 'quantity/D1.L7.200', `name`: '5倍', `kind`: 'quantity', `type`: 'quantity', `value`: 5.0, `unit`: 'times', `degree`: 0, `pagerank`: 0.0, `component`: 0, `mention_count`: 0, `src_doc`: 'D1', `src_section`: 'D1#L3', `src_path`: 'notes/reinvent 2016.txt', `src_line`: 7, `src_start`: 200, `src_end`: 204, `src_text`: '5倍'}
] AS row
MERGE (n:Quantity {key: row.key})
SET n += row;
UNWIND [
  {`key`: 'section/D1.L3', `name`: 'DAT303 Deep Dive on Amazon Aurora', `kind`: 'section', `type`: 'talk', `record_id`: 'D1#L3', `code`: 'DAT303', `title`: 'Deep Dive on Amazon Aurora', `event`: 'AWS re:Invent 2016', `degree`: 0, `pagerank`: 0.0, `component`: 0, `mention_count`: 0, `src_doc`: 'D1', `src_section`: 'D1#L3', `src_path`: 'notes/reinvent 2016.txt', `src_line`: 3, `src_start`: 40, `src_end`: 76, `src_text`: 'DAT303 - Deep Dive on Amazon Aurora'}
] AS row
MERGE (n:Section {key: row.key})
SET n += row, n:Talk;
UNWIND [
  {`s`: 'aws_service/amazon-aurora', `t`: 'company/netflix', `p`: {`weight`: 1.0, `count`: 1, `symmetric`: true, `src_doc`: 'D1', `src_section`: 'D1#L3', `src_path`: 'notes/reinvent 2016.txt', `src_line`: 3, `src_start`: 40, `src_end`: 76, `src_text`: 'DAT303 - Deep Dive on Amazon Aurora', `evidence_count`: 1, `evidence`: '[{"doc":"D1","section":"D1#L3","path":"notes/reinvent 2016.txt","line":3,"start":40,"end":76,"text":"DAT303 - Deep Dive on Amazon Aurora"}]'}}
] AS row
MATCH (a:Entity {key: row.s})
MATCH (b:Entity {key: row.t})
MERGE (a)-[r:CO_OCCURS]->(b)
SET r += row.p;
UNWIND [
  {`s`: 'document/D1', `t`: 'section/D1.L3', `p`: {`weight`: 1.0, `count`: 1, `symmetric`: false, `src_doc`: 'D1', `src_section`: 'D1#L3', `src_path`: 'notes/reinvent 2016.txt', `src_line`: 3, `src_start`: 40, `src_end`: 76, `src_text`: 'DAT303 - Deep Dive on Amazon Aurora', `evidence_count`: 1, `evidence`: '[{"doc":"D1","section":"D1#L3","path":"notes/reinvent 2016.txt","line":3,"start":40,"end":76,"text":"DAT303 - Deep Dive on Amazon Aurora"}]'}}
] AS row
MATCH (a:Document {key: row.s})
MATCH (b:Section {key: row.t})
MERGE (a)-[r:HAS_SECTION]->(b)
SET r += row.p;
UNWIND [
  {`s`: 'quantity/D1.L7.200', `t`: 'aws_service/amazon-aurora', `p`: {`weight`: 1.0, `count`: 1, `symmetric`: false, `src_doc`: 'D1', `src_section`: 'D1#L3', `src_path`: 'notes/reinvent 2016.txt', `src_line`: 7, `src_start`: 200, `src_end`: 204, `src_text`: '5倍', `evidence_count`: 1, `evidence`: '[{"doc":"D1","section":"D1#L3","path":"notes/reinvent 2016.txt","line":7,"start":200,"end":204,"text":"5倍"}]'}}
] AS row
MATCH (a:Quantity {key: row.s})
MATCH (b:Entity {key: row.t})
MERGE (a)-[r:MEASURES]->(b)
SET r += row.p;
UNWIND [
  {`s`: 'section/D1.L3', `t`: 'aws_service/amazon-aurora', `p`: {`weight`: 2.0, `count`: 2, `symmetric`: false, `src_doc`: 'D1', `src_section`: 'D1#L3', `src_path`: 'notes/reinvent 2016.txt', `src_line`: 4, `src_start`: 80, `src_end`: 86, `src_text`: 'Aurora', `src_context`: '  • Auroraは5倍速い', `evidence_count`: 2, `evidence`: '[{"doc":"D1","section":"D1#L3","path":"notes/reinvent 2016.txt","line":4,"start":80,"end":86,"text":"Aurora","context":"  • Auroraは5倍速い"},{"doc":"D1","section":"D1#L3","path":"notes/reinvent 2016.txt","line":9,"start":300,"end":306,"text":"オーロラ"}]'}},
  {`s`: 'section/D1.L3', `t`: 'company/netflix', `p`: {`weight`: 1.0, `count`: 1, `symmetric`: false, `src_doc`: 'D1', `src_section`: 'D1#L3', `src_path`: 'notes/reinvent 2016.txt', `src_line`: 5, `src_start`: 120, `src_end`: 127, `src_text`: 'Netflix', `evidence_count`: 1, `evidence`: '[{"doc":"D1","section":"D1#L3","path":"notes/reinvent 2016.txt","line":5,"start":120,"end":127,"text":"Netflix"}]'}}
] AS row
MATCH (a:Section {key: row.s})
MATCH (b:Entity {key: row.t})
MERGE (a)-[r:MENTIONS]->(b)
SET r += row.p;
UNWIND [
  {`s`: 'section/D1.L3', `t`: 'event/aws-reinvent-2016', `p`: {`weight`: 1.0, `count`: 1, `symmetric`: false, `src_doc`: 'D1', `src_path`: 'notes/reinvent 2016.txt', `src_line`: 1, `src_start`: 0, `src_end`: 0, `src_text`: 'AWS re:Invent 2016 & friends', `evidence_count`: 1, `evidence`: '[{"doc":"D1","path":"notes/reinvent 2016.txt","line":1,"start":0,"end":0,"text":"AWS re:Invent 2016 & friends"}]'}}
] AS row
MATCH (a:Section {key: row.s})
MATCH (b:Event {key: row.t})
MERGE (a)-[r:PART_OF_EVENT]->(b)
SET r += row.p;
UNWIND [
  {`s`: 'person/adrian-cockcroft', `t`: 'company/netflix', `role`: 'Cloud Architect', `p`: {`weight`: 1.0, `count`: 1, `role`: 'Cloud Architect', `symmetric`: false, `src_doc`: 'D1', `src_section`: 'D1#L3', `src_path`: 'notes/reinvent 2016.txt', `src_line`: 6, `src_start`: 140, `src_end`: 170, `src_text`: 'Adrian Cockcroft (Netflix, "Cloud" Architect)', `evidence_count`: 1, `evidence`: '[{"doc":"D1","section":"D1#L3","path":"notes/reinvent 2016.txt","line":6,"start":140,"end":170,"text":"Adrian Cockcroft (Netflix, \\"Cloud\\" Architect)"}]'}}
] AS row
MATCH (a:Entity {key: row.s})
MATCH (b:Entity {key: row.t})
MERGE (a)-[r:ROLE_AT {role: row.role}]->(b)
SET r += row.p;
UNWIND [
  {`s`: 'section/D1.L3', `t`: 'quantity/D1.L7.200', `p`: {`weight`: 1.0, `count`: 1, `symmetric`: false, `src_doc`: 'D1', `src_section`: 'D1#L3', `src_path`: 'notes/reinvent 2016.txt', `src_line`: 7, `src_start`: 200, `src_end`: 204, `src_text`: '5倍', `evidence_count`: 1, `evidence`: '[{"doc":"D1","section":"D1#L3","path":"notes/reinvent 2016.txt","line":7,"start":200,"end":204,"text":"5倍"}]'}}
] AS row
MATCH (a:Section {key: row.s})
MATCH (b:Quantity {key: row.t})
MERGE (a)-[r:STATES]->(b)
SET r += row.p;
UNWIND [
  {`s`: 'company/netflix', `t`: 'aws_service/amazon-aurora', `p`: {`weight`: 1.0, `count`: 1, `symmetric`: false, `src_doc`: 'D1', `src_section`: 'D1#L3', `src_path`: 'notes/reinvent 2016.txt', `src_line`: 5, `src_start`: 120, `src_end`: 140, `src_text`: 'NetflixはAuroraを使う', `evidence_count`: 1, `evidence`: '[{"doc":"D1","section":"D1#L3","path":"notes/reinvent 2016.txt","line":5,"start":120,"end":140,"text":"NetflixはAuroraを使う"}]'}}
] AS row
MATCH (a:Entity {key: row.s})
MATCH (b:Entity {key: row.t})
MERGE (a)-[r:USES]->(b)
SET r += row.p;
