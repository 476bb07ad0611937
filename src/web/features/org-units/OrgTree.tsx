import { useEffect, useState } from 'react';
import { Skeleton, Tree } from 'antd';
import type { TreeDataNode } from 'antd';
import { errorMessage } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n/react.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { orgApi, type OrgUnit } from './api.ts';
import { postKindLabel } from './labels.ts';

interface Props {
  rootId: number;
  selectedId: number | undefined;
  onSelect(unit: OrgUnit): void;
}

interface UnitNode extends TreeDataNode {
  key: number;
  unit: OrgUnit;
  children?: UnitNode[];
}

function nodeOf(unit: OrgUnit): UnitNode {
  return { key: unit.id, unit, isLeaf: !unit.hasChildren, title: unit.shortName };
}

function withChildren(nodes: UnitNode[], id: number, children: UnitNode[]): UnitNode[] {
  return nodes.map((n) =>
    n.key === id ? { ...n, children } : n.children ? { ...n, children: withChildren(n.children, id, children) } : n,
  );
}

/** The account's own unit as the root; children load when a branch is opened (one level at a time). */
export function OrgTree({ rootId, selectedId, onSelect }: Props) {
  const { t } = useI18n();
  const [nodes, setNodes] = useState<UnitNode[]>([]);
  const [expanded, setExpanded] = useState<number[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    Promise.all([orgApi.get(rootId), orgApi.children(rootId)]).then(
      ([root, children]) => {
        if (cancelled) return;
        setNodes([{ ...nodeOf(root), children: children.map(nodeOf) }]);
        setExpanded([root.id]);
        setError(null);
        onSelect(root);
      },
      (err: unknown) => !cancelled && setError(errorMessage(err)),
    );
    return () => {
      cancelled = true;
    };
    // onSelect is left out on purpose: the tree loads once per root, not per parent render.
  }, [rootId, attempt]);

  const loadChildren = async (node: UnitNode) => {
    if (node.children) return;
    const children = await orgApi.children(node.key);
    setNodes((current) => withChildren(current, node.key, children.map(nodeOf)));
  };

  if (error) return <LoadError message={error} onRetry={() => setAttempt((n) => n + 1)} />;
  // Mount the tree only with its root: expanding a tree that mounted empty plays an
  // animation during which the root is not rendered.
  if (nodes.length === 0) return <Skeleton active title={false} paragraph={{ rows: 4 }} />;
  return (
    <Tree<UnitNode>
      aria-label={t('org.treeLabel')}
      treeData={nodes}
      loadData={loadChildren}
      expandedKeys={expanded}
      onExpand={(keys) => setExpanded(keys as number[])}
      selectedKeys={selectedId === undefined ? [] : [selectedId]}
      onSelect={(_keys, info) => onSelect(info.node.unit)}
      titleRender={(node) => (
        <span data-unit-id={node.key}>
          <span className="hm-tree-name">{node.unit.shortName}</span>
          <span className="hm-muted"> · {postKindLabel(t, node.unit.postKind)}</span>
        </span>
      )}
      blockNode
      className="hm-tree"
    />
  );
}
