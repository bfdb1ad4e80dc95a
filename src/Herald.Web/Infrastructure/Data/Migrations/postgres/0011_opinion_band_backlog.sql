-- 近似重复索引的待并入队列（docs/adr/0010）：收录时每条信息只追加一行（段键打包），后台任务成批并入 opinion_item_bands。
CREATE TABLE "opinion_item_band_backlog" (
    "item_id" bigint NOT NULL,
    "band_keys" bytea NOT NULL,
    CONSTRAINT "pk_opinion_item_band_backlog" PRIMARY KEY ("item_id")
);
