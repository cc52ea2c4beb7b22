interface ReasoningPaneProps {
  fontSize: number;
}

/** Where the model's thinking and answer will stream; empty until a model runs. */
export function ReasoningPane({ fontSize }: ReasoningPaneProps) {
  return (
    <section className="pane reasoning-pane" aria-label="Reasoning">
      <header className="pane-header">
        <h2>Reasoning</h2>
      </header>
      <div className="pane-body reasoning-body" style={{ fontSize }}>
        <div className="empty-state">
          <div className="empty-mark" aria-hidden="true">
            ∑
          </div>
          <p className="empty-title">Nothing to show yet</p>
          <p>VibeThinker's step-by-step reasoning and its final answer will stream here, with math rendered as you read.</p>
        </div>
      </div>
    </section>
  );
}
