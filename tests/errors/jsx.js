const el = <div className="a">hi</div>;
